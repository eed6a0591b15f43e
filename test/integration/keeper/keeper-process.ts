/** The keeper's process for tests and benchmarks lives in test/helpers (benchmarks may reach it there); kept here for the keeper tests' imports. */
export * from '../../helpers/keeper-process.ts'
