import { describe, expect, it } from 'vitest';
import { renderMail } from '../../../src/lib/notify/render-mail.ts';

const base = 'https://lms.example.com/';
const due = Date.UTC(2026, 2, 31, 23, 59);

describe('writing a mail', () => {
  it('one notification: its own subject, the course title and date in the reader’s language, a link in that language', () => {
    const zh = renderMail({ locale: 'zh-cn', name: '王芳', publicUrl: base, items: [{ kind: 'training.assigned', link: '/training/confidentiality', params: { courseSlug: 'confidentiality', dueAt: due } }] });
    expect(zh.subject).toBe('新培训：客户资料保密');
    expect(zh.text).toContain('王芳，您好：');
    expect(zh.text).toContain('课程“客户资料保密”已分配给您，请在 2026年3月31日 前完成。');
    expect(zh.text).toContain('https://lms.example.com/zh-cn/training/confidentiality');
    const en = renderMail({ locale: 'en', name: 'Pat', publicUrl: base, items: [{ kind: 'training.assigned', link: '/training/confidentiality', params: { courseSlug: 'confidentiality', dueAt: due } }] });
    expect(en.subject).toBe('New training: Client Confidentiality');
    expect(en.text).toContain('Please complete it by 31 Mar 2026.');
    expect(en.text).toContain('Open: https://lms.example.com/training/confidentiality');
  });

  it('several: one digest naming how many, a paragraph and link each, a list for the team', () => {
    const m = renderMail({
      locale: 'en',
      name: 'Pat',
      publicUrl: base,
      items: [
        { kind: 'training.due3', link: '/training/confidentiality', params: { courseSlug: 'confidentiality', dueAt: due } },
        { kind: 'team.overdue', link: '/team', params: { count: 2, list: [{ person: 'Al', courseSlug: 'confidentiality', dueAt: due, days: 9 }, { person: '<b>Bo</b>', courseSlug: 'confidentiality', dueAt: due, days: 8 }] } },
      ],
    });
    expect(m.subject).toBe('2 reminders from Compliance Academy');
    expect(m.text).toContain('  - Al: “Client Confidentiality”, due 31 Mar 2026, 9 days overdue');
    expect(m.text).toContain('https://lms.example.com/team');
    // names are text in the HTML part, never markup
    expect(m.html).toContain('&lt;b&gt;Bo&lt;/b&gt;');
    expect(m.html).not.toContain('<b>Bo</b>');
    expect(m.html).toContain('<a href="https://lms.example.com/training/confidentiality">');
  });
});
