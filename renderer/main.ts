import { mount } from 'svelte'
import App from './App.svelte'
import { getApi } from './lib/bridge.ts'
import { GroupsController } from './lib/groups.svelte.ts'
import { ProfileController } from './lib/profile.svelte.ts'
import { startRtcRelay, type PeerCtor } from './lib/rtc-relay.ts'
import { SettingsController } from './lib/settings.svelte.ts'

const api = getApi()
// The node makes no WebRTC connections of its own: this page's RTCPeerConnection carries its ciphertext.
if (api && typeof RTCPeerConnection === 'function') startRtcRelay(api, RTCPeerConnection as unknown as PeerCtor)
const target = document.getElementById('app')
if (target) mount(App, { target, props: { profile: new ProfileController(api), groups: new GroupsController(api), settings: new SettingsController(api) } })
