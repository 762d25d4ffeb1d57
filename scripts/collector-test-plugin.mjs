// A @web/test-runner plugin that gives browser tests a real collector (dev-collector.mjs) with the
// standard questionnaires, and commands to make it misbehave. Each test file (a WTR session) gets
// its own collector, started on first use, so files running side by side cannot take each other's
// server down or steal each other's injected failures.
//
// In a test:  import { executeServerCommand } from '@web/test-runner-commands';
//             const url = await executeServerCommand('collector-url');   // 'http://127.0.0.1:PORT'
//
// Commands (payload → result):
//   collector-url                                  → base URL; POST `${url}/api/v1/responses`
//   collector-fail        { count, status?, retryAfter? } → true   next POSTs fail (500 by default;
//                                                                  retryAfter: seconds or an HTTP date)
//   collector-delay       { count, ms }                   → true   next POSTs answer late
//   collector-hijack      { count, mode }                 → true   next POSTs answered by a portal or
//                                                                  proxy (mode: see HijackMode in dev-collector.mjs)
//   collector-down / collector-up                         → true   refuse connections / listen again
//   collector-reset                                       → true   forget faults, responses, counts
//   collector-deliveries  { responseId }                  → number of POSTs that carried it
//   collector-responses                                   → the stored responses

/** Imported on first use: the collector needs the built packages, the other tests do not. */
async function startTestCollector() {
  const [{ templates }, { startCollector }] = await Promise.all([import('@sipas/templates'), import('./dev-collector.mjs')]);
  return startCollector({ questionnaires: templates.map((entry) => entry.questionnaire) });
}

export function collectorTestPlugin() {
  /** @type {Map<string, ReturnType<typeof startTestCollector>>} */
  const collectors = new Map();
  const collectorFor = (sessionId) => {
    let collector = collectors.get(sessionId);
    if (!collector) {
      collector = startTestCollector();
      collectors.set(sessionId, collector);
    }
    return collector;
  };

  return {
    name: 'sipas-collector',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('collector-')) return undefined;
      const collector = await collectorFor(session.id);
      const { control } = collector;
      switch (command) {
        case 'collector-url':
          return collector.url;
        case 'collector-fail':
          control.failNext(payload.count, payload.status, { retryAfter: payload.retryAfter });
          return true;
        case 'collector-hijack':
          control.hijackNext(payload.count, payload.mode);
          return true;
        case 'collector-delay':
          control.delayNext(payload.count, payload.ms);
          return true;
        case 'collector-down':
          await control.down();
          return true;
        case 'collector-up':
          await control.up();
          return true;
        case 'collector-reset':
          control.reset();
          return true;
        case 'collector-deliveries':
          return control.deliveries(payload.responseId);
        case 'collector-responses':
          return collector.responses();
        default:
          throw new Error(`Unknown collector command: ${command}`);
      }
    },
    async serverStop() {
      await Promise.all([...collectors.values()].map(async (collector) => (await collector).close()));
    },
  };
}
