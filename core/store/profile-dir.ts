/**
 * Where a profile lives by default: the same folder Electron calls `userData` for an app named
 * Hearth, plus `/profile`, so the desktop app and the CLI open the same profile. The folder name
 * is neutral on purpose (someone browsing the disk sees "Hearth", nothing more).
 */
import os from 'node:os'
import path from 'node:path'

export const APP_FOLDER = 'Hearth'

export function defaultProfileDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  let base: string
  if (platform === 'win32') base = env.APPDATA ?? path.join(home, 'AppData', 'Roaming')
  else if (platform === 'darwin') base = path.join(home, 'Library', 'Application Support')
  else base = env.XDG_CONFIG_HOME ?? path.join(home, '.config')
  return path.join(base, APP_FOLDER, 'profile')
}
