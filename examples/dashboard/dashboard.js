// The dashboard page: signs staff in through the server's API, lists the questionnaires they may
// read and hands the chosen one to <sipas-report>, which fetches its report and progress itself.
// The download links follow the report's filters.
import { reportUrl } from '/sipas-report.bundle.js';
import { api, problemOf, useCsrfToken } from '/staff/staff-api.js';

const $ = (id) => document.getElementById(id);
let filters = {};

/**
 * Back to the sign-in form, with a fresh report element: the next person to sign in on a shared
 * office computer must not see the figures fetched for the one before.
 */
function showSignIn(problem = '') {
  useCsrfToken('');
  $('workspace').hidden = true;
  $('account').hidden = true;
  replaceReport();
  $('sign-in-problem').textContent = problem;
  $('sign-in-problem').hidden = problem === '';
  $('sign-in').hidden = false;
  $('username').focus();
}

function replaceReport() {
  const report = document.createElement('sipas-report');
  report.id = 'report';
  report.lang = 'vi';
  report.addEventListener('sipas-report-filter-change', (event) => {
    filters = event.detail;
    linkExports();
  });
  // An expired or revoked session: sign in again rather than look at an error.
  report.addEventListener('sipas-report-error', (event) => {
    if (event.detail.kind === 'unauthorized') showSignIn('Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.');
  });
  $('report').replaceWith(report);
  filters = {};
}

async function showWorkspace(user) {
  $('sign-in').hidden = true;
  $('account-name').textContent = `${user.username} (${user.role})`;
  $('account').hidden = false;
  const listed = await api('/questionnaires');
  if (!listed.ok) return showSignIn();
  const select = $('questionnaire');
  select.replaceChildren(
    ...listed.data.questionnaires
      .filter((entry) => entry.latestVersion)
      .map((entry) => {
        const option = document.createElement('option');
        option.value = entry.id;
        option.textContent = `${entry.title?.vi ?? entry.title ?? entry.id} (${entry.responseCount ?? 0} phiếu)`;
        return option;
      }),
  );
  $('workspace').hidden = false;
  choose(new URLSearchParams(location.search).get('q') ?? select.value);
}

function linkExports() {
  const id = $('questionnaire').value;
  if (!id) return;
  $('export-responses-csv').href = reportUrl('', id, '/export/responses.csv', filters);
  $('export-responses-xlsx').href = reportUrl('', id, '/export/responses.xlsx', filters);
  $('export-index-xlsx').href = reportUrl('', id, '/export/index.xlsx', filters, { by: 'unit' });
}

function choose(id) {
  if (!id) return;
  $('questionnaire').value = id;
  $('report').setAttribute('questionnaire-id', id);
  linkExports();
}



$('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const problem = $('sign-in-problem');
  problem.hidden = true;
  const reply = await api('/auth/login', { method: 'POST', body: { username: $('username').value, password: $('password').value } });
  if (!reply.ok) {
    problem.textContent = problemOf(reply.data, 'Không đăng nhập được');
    problem.hidden = false;
    return;
  }
  useCsrfToken(reply.data.csrfToken);
  $('password').value = '';
  await showWorkspace(reply.data.user);
});

$('sign-out').addEventListener('click', async () => {
  const reply = await api('/auth/logout', { method: 'POST' });
  showSignIn(reply.ok || reply.status === 401 ? '' : problemOf(reply.data, 'Đăng xuất chưa xong ở máy chủ; hãy đóng trình duyệt.'));
});

$('questionnaire').addEventListener('change', (event) => choose(event.target.value));

replaceReport();
const me = await api('/auth/me');
if (me.ok) {
  useCsrfToken(me.data.csrfToken);
  await showWorkspace(me.data.user);
} else showSignIn();
