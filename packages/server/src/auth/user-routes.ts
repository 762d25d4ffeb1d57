import type { FastifyPluginAsync } from 'fastify';
import { message, quote, type ValidationError } from '@sipas/schema';
import type { Database } from '../db/database.js';
import { bodyObject, idParam } from '../http/body.js';
import { httpError, invalidBody, located } from '../http/errors.js';
import type { ServerContext } from '../server-context.js';
import { checkNewPassword, generatePassword, hashPassword } from './passwords.js';
import { requireSession } from './require-role.js';
import { revokeCredentials } from './sessions.js';
import { isRole, ROLES, toAccount, USER_COLUMNS, type UserRow } from './user-rows.js';
import type { Role } from './user.js';
import { checkNewUsername } from './usernames.js';

const UNKNOWN_USER = message('Không có tài khoản này', 'No such account');
const LAST_ADMIN = message(
  'Không thể xoá, khoá hoặc hạ quyền quản trị viên cuối cùng đang hoạt động',
  'The last active admin cannot be removed, disabled or given another role',
);

/**
 * Staff accounts, for admins only, and only with a signed-in session: an API token (meant for
 * scripts, and easier to leak) must not be able to set a password or make an admin.
 */
export const userRoutes: FastifyPluginAsync<ServerContext> = async (app, context) => {
  const { db } = context;
  const adminOnly = { preHandler: requireSession('admin') };

  app.get('/users', adminOnly, async () => {
    const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from users u order by u.username`);
    return { users: rows.map(toAccount) };
  });

  app.post('/users', adminOnly, async (request, reply) => {
    const body = bodyObject(request.body);
    const username = checkNewUsername(body.username, '/username');
    const role = checkRole(body.role);
    const units = body.units === undefined ? null : checkUnits(body.units);
    const given = body.password === undefined ? undefined : checkNewPassword(body.password, '/password');
    const password = given ?? generatePassword();
    const { rows } = await db.query<UserRow>(
      `insert into users as u (username, password_hash, role, units) values ($1, $2, $3, $4::text[])
       on conflict (username) do nothing returning ${USER_COLUMNS}`,
      [username, await hashPassword(password), role, units],
    );
    if (!rows[0]) throw httpError(409, '/username', 'username-taken', message(`Tên đăng nhập ${quote(username)} đã có`, `The username ${quote(username)} is taken`));
    // A generated password is shown once, here, for the admin to hand over.
    return reply.code(201).send({ user: toAccount(rows[0]), ...(given === undefined ? { password } : {}) });
  });

  app.patch<{ Params: { id: string } }>('/users/:id', adminOnly, async (request) => {
    const id = idParam(request.params.id);
    const body = bodyObject(request.body);
    const role = body.role === undefined ? undefined : checkRole(body.role);
    const units = body.units === undefined ? undefined : checkUnits(body.units);
    if (body.disabled !== undefined && typeof body.disabled !== 'boolean') {
      throw httpError(422, '/disabled', 'invalid-type', message('"disabled" phải là true hoặc false', '"disabled" must be true or false'));
    }
    const disabled = body.disabled as boolean | undefined;
    const password = body.password === undefined ? undefined : checkNewPassword(body.password, '/password');
    const passwordHash = password === undefined ? undefined : await hashPassword(password);

    const updated = await db.transaction(async (tx) => {
      const { target, activeAdmins } = await lockForChange(tx, id);
      const staysActiveAdmin = (role ?? target.role) === 'admin' && !(disabled ?? target.disabled);
      if (isActiveAdmin(target) && !staysActiveAdmin && activeAdmins <= 1) throw httpError(409, '', 'last-admin', LAST_ADMIN);
      const { rows } = await tx.query<UserRow>(
        `update users as u set
           role = coalesce($2, u.role),
           units = case when $3 then $4::text[] else u.units end,
           disabled = coalesce($5, u.disabled),
           password_hash = coalesce($6, u.password_hash)
         where u.id = $1 returning ${USER_COLUMNS}`,
        [id, role ?? null, units !== undefined, units ?? null, disabled ?? null, passwordHash ?? null],
      );
      // A disabled account is out at once (authentication checks `disabled` on every request) and its
      // sessions end. A new password, in case the old one leaked, also ends the account's other
      // sessions and revokes its API tokens: whoever knew the old password could have made either.
      const keep = request.authentication?.method === 'session' ? request.authentication.sessionIdHash : '';
      if (passwordHash !== undefined) await revokeCredentials(tx, id, keep);
      else if (disabled === true) await tx.query('delete from sessions where user_id = $1 and id_hash <> $2', [id, keep]);
      return rows[0]!;
    });
    return { user: toAccount(updated) };
  });

  app.delete<{ Params: { id: string } }>('/users/:id', adminOnly, async (request, reply) => {
    const id = idParam(request.params.id);
    await db.transaction(async (tx) => {
      const { target, activeAdmins } = await lockForChange(tx, id);
      if (isActiveAdmin(target) && activeAdmins <= 1) throw httpError(409, '', 'last-admin', LAST_ADMIN);
      // Who edited and published questionnaires stays on record; such an account is disabled instead.
      const { rows: history } = await tx.query(
        `select 1 from questionnaires where updated_by = $1 union all select 1 from questionnaire_versions where published_by = $1 limit 1`,
        [id],
      );
      if (history.length > 0) {
        throw httpError(
          409,
          '',
          'user-has-history',
          message('Tài khoản này đã sửa hoặc công bố bảng hỏi nên được giữ lại để tra cứu; hãy khoá tài khoản thay vì xoá', 'This account edited or published questionnaires and stays on record; disable it instead'),
        );
      }
      await tx.query('delete from users where id = $1', [id]);
    });
    return reply.code(204).send();
  });
};

const isActiveAdmin = (user: UserRow): boolean => user.role === 'admin' && !user.disabled;

/**
 * Locks the active admins and the target account for the rest of the transaction, so two admins
 * demoting each other at the same moment cannot both see "another admin remains".
 */
async function lockForChange(tx: Database, id: number): Promise<{ target: UserRow; activeAdmins: number }> {
  const { rows: admins } = await tx.query(`select id from users where role = 'admin' and not disabled order by id for update`);
  const { rows } = await tx.query<UserRow>(`select ${USER_COLUMNS} from users u where u.id = $1 for update`, [id]);
  if (!rows[0]) throw httpError(404, '', 'unknown-user', UNKNOWN_USER);
  return { target: rows[0], activeAdmins: admins.length };
}

function checkRole(role: unknown): Role {
  if (isRole(role)) return role;
  throw httpError(422, '/role', 'invalid-role', message(`Vai trò phải là một trong ${ROLES.join(', ')}`, `The role must be one of ${ROLES.join(', ')}`));
}

/** null (every unit) or a list of distinct unit ids. */
function checkUnits(units: unknown): string[] | null {
  if (units === null) return null;
  if (!Array.isArray(units)) {
    throw httpError(422, '/units', 'invalid-type', message('"units" là danh sách mã đơn vị hoặc null (mọi đơn vị)', '"units" is a list of unit ids, or null for every unit'));
  }
  const errors: ValidationError[] = [];
  units.forEach((unit, index) => {
    if (typeof unit !== 'string' || unit.trim() === '') errors.push(located(`/units/${index}`, 'invalid-unit', message('Mã đơn vị phải là chuỗi khác rỗng', 'A unit id is a non-empty string')));
    else if (units.indexOf(unit) !== index) errors.push(located(`/units/${index}`, 'duplicate-unit', message(`Đơn vị ${quote(unit)} bị lặp`, `Unit ${quote(unit)} is listed twice`)));
  });
  if (errors.length > 0) throw invalidBody(errors);
  return units as string[];
}
