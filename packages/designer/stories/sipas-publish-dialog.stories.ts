/**
 * <sipas-publish-dialog open>, as the designer's Publish button opens it, talking to a stand-in
 * collector server: each story's `beforeEach` replaces `fetch` for the URLs under STAND_IN_SERVER
 * (and only those) and puts the real one back afterwards, so nothing leaves the page. On the docs
 * page each story gets a frame of its own: the dialog is modal and makes the rest of its page inert.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import '../src/index.js';

type Language = 'vi' | 'en';
type PublishArgs = { lang: Language; signedIn: boolean };
type Story = StoryObj<PublishArgs>;

/** Nothing listens here: the stand-in `fetch` answers. */
const STAND_IN_SERVER = '/stand-in-collector';
const STAFF = { username: 'can-bo-so-noi-vu', role: 'editor' };

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A collector that knows every questionnaire and publishes each as version 4; `signedIn` says whether a session exists yet. */
function standInCollector(signedIn: boolean): (url: string, method: string) => Response {
  let session = signedIn;
  return (url, method) => {
    const path = url.slice(STAND_IN_SERVER.length);
    if (path === '/auth/me') return session ? json(200, { user: STAFF, csrfToken: 'story' }) : json(401, {});
    if (path === '/auth/login' && method === 'POST') {
      session = true;
      return json(200, { user: STAFF, csrfToken: 'story' });
    }
    if (/^\/questionnaires\/[^/]+\/draft$/.test(path) && method === 'PUT') return json(200, {});
    if (/^\/questionnaires\/[^/]+\/publish$/.test(path) && method === 'POST') return json(200, { version: 4 });
    return json(404, { errors: [{ path: '', message: { vi: 'Không có', en: 'Not found' } }] });
  };
}

/** `beforeEach`: the stand-in collector behind `fetch`, for this story only. */
function withStandInCollector({ args }: { args: PublishArgs }): () => void {
  const realFetch = window.fetch;
  const answer = standInCollector(args.signedIn);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(STAND_IN_SERVER)) return realFetch(input, init);
    return answer(url, init?.method ?? 'GET');
  };
  return () => {
    window.fetch = realFetch;
  };
}

function document2640(): Questionnaire {
  const questionnaire = copyTemplate('sipas-2640');
  if (!questionnaire) throw new Error('@sipas/templates has no "sipas-2640"');
  return questionnaire;
}

const meta: Meta<PublishArgs> = {
  title: 'Designer/Parts/sipas-publish-dialog',
  component: 'sipas-publish-dialog',
  tags: ['autodocs'],
  args: { lang: 'vi', signedIn: true },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the dialog (`lang` attribute)' },
    signedIn: { control: 'boolean', description: 'Whether the stand-in server already has a session (story only)' },
  },
  parameters: { docs: { story: { inline: false, height: '420px' } } },
  beforeEach: withStandInCollector,
  render: ({ lang }) => html`<sipas-publish-dialog lang=${lang} server=${STAND_IN_SERVER} open .questionnaire=${document2640()}></sipas-publish-dialog>`,
};
export default meta;

/** Signed in already: the dialog names the document and offers "Xuất bản"; pressing it publishes version 4. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const dialog = canvasElement.querySelector('sipas-publish-dialog')!;
    const publish = await waitFor(() => {
      const button = dialog.shadowRoot!.querySelector<HTMLButtonElement>('button.publish');
      if (!button) throw new Error('no Publish button yet');
      return button;
    });
    await userEvent.click(publish);
    await waitFor(() => expect(dialog.shadowRoot!.querySelector('.published')?.textContent).toContain('4'));
  },
};

/** No session yet: the dialog asks the staff member to sign in first. */
export const SignIn: Story = {
  name: 'Sign in first',
  args: { signedIn: false },
  play: async ({ canvasElement }) => {
    const dialog = canvasElement.querySelector('sipas-publish-dialog')!;
    await waitFor(() => expect(dialog.shadowRoot!.querySelector('input[name="username"]')).toBeTruthy());
  },
};
