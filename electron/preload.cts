/**
 * Sandboxed preload: exposes `window.hearth` as named functions over IPC and nothing else, never
 * ipcRenderer itself. A sandboxed preload can require only 'electron', so the method and event
 * names are spelled out here; the Record types make one missing from the contract a compile error.
 */
import electron = require('electron')
import type { EventName, HearthApi, MethodName } from '../core/api.ts'

const METHODS: Record<MethodName, true> = {
  profileStatus: true,
  createProfile: true,
  unlock: true,
  lock: true,
  changePassphrase: true,
  checkPassphrase: true,
  destroyProfile: true,
  listGroups: true,
  createGroup: true,
  groupInfo: true,
  feed: true,
  members: true,
  post: true,
  reply: true,
  edit: true,
  remove: true,
  react: true,
  setProfile: true,
  setRules: true,
  acceptRules: true,
  createInvite: true,
  listInvites: true,
  revokeInvite: true,
  joinGroup: true,
  groupStatus: true,
  continueHere: true,
  updateSettings: true,
  listRequests: true,
  approveRequest: true,
  declineRequest: true,
  removeMember: true,
  leaveGroup: true,
  setRole: true,
  flag: true,
  moderationQueue: true,
  rewrittenLogs: true,
  liftFreeze: true,
  moderate: true,
  setMute: true,
  listMutes: true,
  propose: true,
  vote: true,
  decisions: true,
  schedule: true,
  scheduleAdd: true,
  scheduleRemove: true,
  readPersonal: true,
  writePersonal: true,
  exportGroup: true,
  cancelExport: true,
  restoreArchive: true,
  safetyPlan: true,
  saveSafetyPlan: true,
  exportSafetyPlan: true,
  journal: true,
  saveJournalEntry: true,
  removeJournalEntry: true,
  exportJournal: true,
  training: true,
  setTrainingProgress: true,
  shareTraining: true,
  trainingShared: true,
  checkIn: true,
  checkIns: true,
  groupCheckIns: true,
  hotlines: true,
  resources: true,
  suggestResource: true,
  addResource: true,
  removeResource: true,
  dismissSuggestion: true,
  openLink: true,
  meetings: true,
  saveMeeting: true,
  cancelMeeting: true,
  rsvp: true,
  exportMeeting: true,
  debrief: true,
  writeDebrief: true,
  exportRecords: true,
  privateLine: true,
  writePrivateLine: true,
  privateLines: true,
  answerPrivateLine: true,
  unread: true,
  markRead: true,
  setPresence: true,
  addKeeper: true,
  removeKeeper: true,
  keepers: true,
  keeperOnly: true,
  setKeeperOnly: true,
  ruleTemplates: true,
  readableCopy: true,
  rtcRelay: true,
  setWebrtc: true,
  webrtcSetting: true,
  transport: true,
  setTransport: true,
}
const EVENTS: Record<EventName, true> = { locked: true, unlocked: true, groupsChanged: true, groupChanged: true, exportProgress: true, joinProgress: true, rtc: true }
const EVENT_CHANNEL = 'hearth:event'

const api: Record<string, unknown> = {}
for (const method of Object.keys(METHODS)) {
  api[method] = (input: unknown) => electron.ipcRenderer.invoke(`hearth:${method}`, input)
}
api.on = (event: unknown, handler: unknown): (() => void) => {
  if (typeof event !== 'string' || !Object.hasOwn(EVENTS, event) || typeof handler !== 'function') return () => undefined
  const listener = (_e: unknown, message: { event?: unknown; payload?: unknown } | undefined) => {
    if (message?.event === event) handler(message.payload)
  }
  electron.ipcRenderer.on(EVENT_CHANNEL, listener)
  return () => {
    electron.ipcRenderer.removeListener(EVENT_CHANNEL, listener)
  }
}

electron.contextBridge.exposeInMainWorld('hearth', Object.freeze(api) as HearthApi)

// The shell's own two calls (electron/save-dialog.ts): where to save, which file to open. Each
// takes only a file kind and a suggested name; main answers with a path or null.
const shell = {
  chooseSavePath: (input: unknown) => electron.ipcRenderer.invoke('hearth-shell:choose-save-path', input),
  chooseOpenPath: (input: unknown) => electron.ipcRenderer.invoke('hearth-shell:choose-open-path', input),
}
electron.contextBridge.exposeInMainWorld('hearthShell', Object.freeze(shell))
