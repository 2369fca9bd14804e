// Error messages that pages show, keyed by the AppError that carries them (AppError.as).
export const errors = {
  en: {
    'error.malformedPath': 'This address is malformed, so it was not opened.',
    'error.unexpected': 'Something went wrong on our side. Please try again; if it keeps happening, tell your administrator.',
    'error.bodyTooLarge': 'What you sent is too large (at most {kb} KB).',
    'error.formType': 'The form was sent in a format this page does not accept.',
    'error.formMalformed': 'The form could not be read. Please send it again.',
    'error.notUtf8': 'The file is not UTF-8 text: in Excel choose "CSV UTF-8" when saving.',
    'error.grantAdmin': 'Only an administrator may give someone the administrator role.',
  },
  'zh-cn': {
    'error.malformedPath': '此地址格式有误，无法打开。',
    'error.unexpected': '系统出现问题，请重试；如果问题持续出现，请联系管理员。',
    'error.bodyTooLarge': '提交的内容过大（最多 {kb} KB）。',
    'error.formType': '表单的提交格式不被此页面接受。',
    'error.formMalformed': '无法读取表单，请重新提交。',
    'error.notUtf8': '文件不是 UTF-8 文本：在 Excel 中保存时请选择“CSV UTF-8”。',
    'error.grantAdmin': '只有管理员可以授予他人管理员角色。',
  },
};
