/**
 * The training modules in this language (preview). Not yet translated: each module shows in
 * English, and the training screen says so, until its translation is added here with the
 * fingerprint of the English it was made from (renderer/i18n/core-content.ts).
 */
import type { PartialModules } from '../../content-types.ts'

export const trainingModulesPt: PartialModules = {}
