import { mount } from 'svelte'
import App from './App.svelte'
import { getApi } from './lib/bridge.ts'
import { ProfileController } from './lib/profile.svelte.ts'

const target = document.getElementById('app')
if (target) mount(App, { target, props: { profile: new ProfileController(getApi()) } })
