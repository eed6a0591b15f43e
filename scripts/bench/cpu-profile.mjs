/**
 * Preloaded into a child process (NODE_OPTIONS=--import …, where --cpu-prof is not allowed) to
 * write a CPU profile of its whole life to HEARTH_PROFILE_DIR when it exits. The inspector
 * session of the same thread answers synchronously, so the 'exit' handler can stop and save it.
 */
import fs from 'node:fs'
import inspector from 'node:inspector'
import path from 'node:path'

const dir = process.env.HEARTH_PROFILE_DIR
if (dir) {
  const session = new inspector.Session()
  session.connect()
  session.post('Profiler.enable')
  session.post('Profiler.setSamplingInterval', { interval: 1000 })
  session.post('Profiler.start')
  process.on('exit', () => {
    session.post('Profiler.stop', (err, res) => {
      if (!err) fs.writeFileSync(path.join(dir, `hearth-${process.pid}.cpuprofile`), JSON.stringify(res.profile))
    })
  })
}
