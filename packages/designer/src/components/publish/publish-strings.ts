/** The publish dialog's words, Vietnamese by default. */
import { translator } from '@sipas/schema';

export const publishText = translator({
  title: { vi: 'Xuất bản phiếu khảo sát', en: 'Publish the questionnaire' },
  checking: { vi: 'Đang kiểm tra đăng nhập…', en: 'Checking sign-in…' },
  signInPrompt: { vi: 'Đăng nhập tài khoản biên tập để xuất bản lên máy chủ.', en: 'Sign in with an editor account to publish to the server.' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signedInAs: { vi: 'Đã đăng nhập: {0} ({1})', en: 'Signed in as {0} ({1})' },
  publishWhat: { vi: 'Xuất bản “{0}” (mã {1}) thành một phiên bản mới. Phiên bản đã xuất bản không sửa được nữa.', en: 'Publish “{0}” (id {1}) as a new version. A published version cannot be changed.' },
  hasErrors: { vi: 'Phiếu còn {0} lỗi; sửa ở mục Kiểm tra trước khi xuất bản.', en: 'The questionnaire has {0} errors; fix them under Checks before publishing.' },
  publish: { vi: 'Xuất bản', en: 'Publish' },
  publishing: { vi: 'Đang xuất bản…', en: 'Publishing…' },
  published: { vi: 'Đã xuất bản phiên bản {0}. Các trang nhúng phiếu “{1}” sẽ nhận phiên bản này.', en: 'Published version {0}. Pages embedding “{1}” now receive this version.' },
  failed: { vi: 'Máy chủ chưa nhận:', en: 'The server refused:' },
  close: { vi: 'Đóng', en: 'Close' },
});
