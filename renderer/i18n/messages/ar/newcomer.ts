/** A newcomer's first page while the group's history arrives, Arabic (preview translation; right to left). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerAr: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'انضممت مؤخرًا، وما زال سجل المجموعة يصل. هذه أحدث منشوراتها، وستتبعها المنشورات الأقدم.',
  'newcomer.waiting': 'انضممت مؤخرًا، وما زالت منشورات المجموعة تصل. ستظهر هنا حالما تكتمل أحدثها.',
  'newcomer.error.arriving': 'انضممت مؤخرًا، وما زال سجل المجموعة يصل. سيكون هذا جاهزًا حالما يصل.',
  'newcomer.waitingFor': '{count, plural, zero {ما زال ما كتبه <bdi>{names}</bdi> لم يصل بعد. سيصل حين يكون أحدهم، أو أي شخص لديه نسخة منه، متصلًا.} one {ما زال ما كتبه <bdi>{names}</bdi> لم يصل بعد. سيصل حين يكون <bdi>{names}</bdi>، أو أي شخص لديه نسخة منه، متصلًا.} two {ما زال ما كتبه <bdi>{names}</bdi> لم يصل بعد. سيصل حين يكون أحدهم، أو أي شخص لديه نسخة منه، متصلًا.} few {ما زال ما كتبه <bdi>{names}</bdi> لم يصل بعد. سيصل حين يكون أحدهم، أو أي شخص لديه نسخة منه، متصلًا.} many {ما زال ما كتبه <bdi>{names}</bdi> لم يصل بعد. سيصل حين يكون أحدهم، أو أي شخص لديه نسخة منه، متصلًا.} other {ما زال ما كتبه <bdi>{names}</bdi> لم يصل بعد. سيصل حين يكون أحدهم، أو أي شخص لديه نسخة منه، متصلًا.}}',
  'newcomer.others': '{count, plural, zero {لا أحد آخر} one {شخص آخر} two {شخصان آخران} few {# أشخاص آخرين} many {# شخصًا آخر} other {# شخص آخر}}',
  'newcomer.waitingDevices': 'ما زال ما كُتب على {count, plural, zero {أي جهاز} one {جهاز واحد} two {جهازين} few {# أجهزة} many {# جهازًا} other {# جهاز}} في المجموعة لم يصل بعد. سيصل حين يكون أي شخص لديه نسخة منه متصلًا.',
}
