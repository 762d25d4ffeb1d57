// The designer page: with the SIPAS server on this origin (npm start), staff sign in first and the
// designer publishes there, and a questionnaire's draft on the server can be opened; without a
// server it runs on its own (templates, files, autosave, preview).
import { copyTemplate } from '/sipas-designer.bundle.js';
import { API, api, problemOf, useCsrfToken } from '/staff/staff-api.js';

const $ = (id) => document.getElementById(id);

function showSignIn(problem = '') {
  useCsrfToken('');
  $('workspace').hidden = true;
  $('account').hidden = true;
  $('sign-in-problem').textContent = problem;
  $('sign-in-problem').hidden = problem === '';
  $('sign-in').hidden = false;
  $('username').focus();
}

/** The designer on its own: no server to publish to. */
function showStandalone() {
  $('designer').questionnaire = copyTemplate('sipas-2640');
  $('workspace').hidden = false;
}

async function showWorkspace(user) {
  $('sign-in').hidden = true;
  $('account-name').textContent = `${user.username} (${user.role})`;
  $('account').hidden = false;
  const designer = $('designer');
  designer.server = API;
  const listed = await api('/questionnaires');
  if (!listed.ok) return showSignIn();
  const select = $('server-questionnaire');
  select.replaceChildren(
    ...listed.data.questionnaires.map((q) => {
      const option = document.createElement('option');
      option.value = q.id;
      option.textContent = `${typeof q.title === 'string' ? q.title : q.title.vi} (${q.id})`;
      return option;
    }),
  );
  $('server-tools').hidden = false;
  $('workspace').hidden = false;
  if (!designer.hasAttribute('data-opened')) {
    designer.setAttribute('data-opened', '');
    designer.questionnaire = copyTemplate('sipas-2640');
  }
}

$('load-draft').addEventListener('click', async () => {
  const id = $('server-questionnaire').value;
  const reply = await api(`/questionnaires/${encodeURIComponent(id)}/draft`);
  if (reply.status === 401) return showSignIn('Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.');
  $('load-problem').textContent = reply.ok ? '' : problemOf(reply.data, 'Không mở được bản nháp.');
  if (reply.ok) $('designer').open(reply.data.questionnaire);
});

$('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const reply = await api('/auth/login', { method: 'POST', body: { username: $('username').value, password: $('password').value } });
  $('password').value = '';
  if (!reply.ok) return showSignIn(problemOf(reply.data, 'Đăng nhập không thành công.'));
  useCsrfToken(reply.data.csrfToken);
  await showWorkspace(reply.data.user);
});

$('sign-out').addEventListener('click', async () => {
  await api('/auth/logout', { method: 'POST' });
  // A shared office computer: the next person starts from a clean page.
  location.reload();
});

const me = await api('/auth/me').catch(() => ({ ok: false, status: 0 }));
if (me.ok) {
  useCsrfToken(me.data.csrfToken);
  await showWorkspace(me.data.user);
} else if (me.status === 401) {
  showSignIn();
} else {
  showStandalone();
}
