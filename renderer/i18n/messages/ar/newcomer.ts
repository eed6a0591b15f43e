/** A newcomer's first page while the group's history arrives, Arabic (preview translation; right to left). */
import type { newcomerEn } from '../en/newcomer.ts'

export const newcomerAr: Record<keyof typeof newcomerEn, string> = {
  'newcomer.arriving': 'انضممت مؤخرًا، وما زال سجل المجموعة يصل. هذه أحدث منشوراتها، وستتبعها المنشورات الأقدم.',
  'newcomer.waiting': 'انضممت مؤخرًا، وما زالت منشورات المجموعة تصل. ستظهر هنا حالما تكتمل أحدثها.',
  'newcomer.error.arriving': 'انضممت مؤخرًا، وما زال سجل المجموعة يصل. سيكون هذا جاهزًا حالما يصل.',
}
