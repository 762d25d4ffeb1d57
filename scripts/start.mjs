// `npm start` until the collector server lands: check the standard questionnaires, simulate 2,000
// respondents to SIPAS 2017–2020 and print their indices by unit. Uses the built packages
// (`npm install` builds them).
import { mkdirSync, readdirSync } from 'node:fs';
import { consoleOutput, runCli } from '../packages/cli/dist/index.js';

const templates = 'packages/templates/questionnaires';
const files = readdirSync(templates).filter((f) => f.endsWith('.json')).map((f) => `${templates}/${f}`);
const step = async (title, argv) => {
  consoleOutput.log(`\n== ${title}\n$ sipas ${argv.join(' ')}`);
  const code = await runCli(argv, consoleOutput);
  if (code === 2) process.exit(code);
  return code;
};

mkdirSync('.data', { recursive: true });
await step('Kiểm tra các bảng hỏi chuẩn / Checking the standard questionnaires', ['validate', ...files]);
await step('Mô phỏng 2.000 người trả lời / Simulating 2,000 respondents', ['simulate', '--questionnaire', `${templates}/sipas-2640.json`, '--count', '2000', '--seed', '2024', '--out', '.data/demo-sipas-2640.jsonl']);
await step('Chỉ số SIPAS theo đơn vị / SIPAS indices by unit', ['index', '--questionnaire', `${templates}/sipas-2640.json`, '--responses', '.data/demo-sipas-2640.jsonl', '--by', 'unit']);
