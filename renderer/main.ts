import { mount } from 'svelte'
import App from './App.svelte'
import { getApi } from './lib/bridge.ts'
import { GroupsController } from './lib/groups.svelte.ts'
import { ProfileController } from './lib/profile.svelte.ts'
import { SettingsController } from './lib/settings.svelte.ts'

const api = getApi()
const target = document.getElementById('app')
if (target) mount(App, { target, props: { profile: new ProfileController(api), groups: new GroupsController(api), settings: new SettingsController(api) } })
