/**
 * Español (preview): the ground-rule templates Hearth offers and the hotline list's descriptive
 * words, translated from core's English (core/model/data). `from` is the fingerprint of the English
 * each template was made from (renderer/i18n/core-content.ts); numbers and names are not translated.
 */
import type { CoreWords } from '../../content-types.ts'

export const coreWordsEs: CoreWords = {
  templates: {
    'peer-circle': {
      from: '8dd74255',
      title: 'Círculo de apoyo entre iguales',
      summary: 'Para un grupo dirigido por supervivientes en el que los miembros se turnan para sostener el espacio.',
      rules: [
        'Lo que se dice aquí, se queda aquí. No compartas fuera del grupo las palabras, el nombre ni la historia de nadie, y no las guardes ni las copies.',
        'Escucha sin juzgar. Se cree cada historia, y nadie tiene que justificar lo que hizo para mantenerse a salvo.',
        'Ningún consejo si no se pide. Habla desde tu propia experiencia («a mí me ayudó…») en lugar de decir a otras personas lo que deben hacer.',
        'Tomarse un tiempo está bien. Puedes leer sin escribir, dejar una conversación o descansar en cualquier momento sin dar explicaciones.',
        'Usa solo tu nombre en el grupo. No compartas datos que puedan identificarte a ti o a otras personas: direcciones, lugares de trabajo, nombres o colegios de hijas e hijos.',
        'Cuidado con los detalles duros. Pon un aviso de contenido antes de describir violencia, y deja fuera los detalles explícitos.',
        'Las personas facilitadoras sostienen el espacio: hacen respetar estas normas, pueden ocultar una publicación que las incumpla y puedes hablar con ellas en privado de cualquier cosa que te preocupe.',
      ],
    },
    'facilitated-group': {
      from: 'dbf4aeae',
      title: 'Grupo de apoyo facilitado',
      summary: 'Para un grupo dirigido por una persona profesional de la psicología o del acompañamiento.',
      rules: [
        'Confidencialidad: lo que comparten los miembros se queda en el grupo. Antes de nada, las personas facilitadoras explican los pocos límites de la confidencialidad (como un riesgo para la vida de una niña o un niño).',
        'Respeta el ritmo de cada persona. A nadie se le pide compartir más de lo que quiere.',
        'Escucha para entender, no para juzgar ni arreglar. Ofrece consejos solo cuando alguien los pida.',
        'Habla por ti. Comparte tu propia experiencia en lugar de suponer la de otra persona.',
        'Tomarse un descanso o irse siempre está bien, y nadie preguntará por qué.',
        'Cuidémonos: ningún dato que identifique a nadie, y un aviso de contenido antes de algo que pueda doler.',
        'Las personas facilitadoras guían el grupo, hacen respetar estas normas, responden preguntas en privado y orientan hacia ayuda profesional cuando hace falta. No son un servicio de crisis.',
      ],
    },
    short: {
      from: 'a9134359',
      title: 'Un conjunto breve',
      summary: 'Cinco normas sencillas para un grupo pequeño que quiere empezar con calma.',
      rules: [
        'Lo que se comparte aquí, se queda aquí.',
        'Escucha sin juzgar.',
        'Ningún consejo si nadie lo pide.',
        'Tomarse un tiempo está bien en cualquier momento.',
        'Las personas facilitadoras hacen respetar estas normas y se puede hablar con ellas en privado.',
      ],
    },
  },
  hotlines: {
    'Hearth is not a crisis service. This list was compiled on 2026-11-24 from the numbers these organisations publish on their own websites (the source of each line is given). It was NOT checked live from this computer, which has no internet access; numbers and hours can change, so check the source when you can. In immediate danger, call your local emergency number.':
      'Hearth no es un servicio de crisis. Esta lista se elaboró el 2026-11-24 con los números que estas organizaciones publican en sus propios sitios web (se indica la fuente de cada línea). NO se comprobó en directo desde este ordenador, que no tiene acceso a internet; los números y horarios pueden cambiar, así que consulta la fuente cuando puedas. Si estás en peligro inmediato, llama al número de emergencias local.',
    'Canada has no single national domestic-abuse hotline: each province and territory runs its own crisis and shelter lines. The Government of Canada lists them by province and territory.':
      'Canadá no tiene una única línea nacional contra la violencia doméstica: cada provincia y territorio tiene sus propias líneas de crisis y de casas de acogida. El Gobierno de Canadá las enumera por provincia y territorio.',
    'This helpline serves England; Scotland, Wales and Northern Ireland have their own services.':
      'Esta línea atiende a Inglaterra; Escocia, Gales e Irlanda del Norte tienen sus propios servicios.',
    '24 hours, every day': '24 horas, todos los días',
    '24 hours, every day; free and anonymous': '24 horas, todos los días; gratuita y anónima',
    '24 hours, every day; free, in many languages': '24 horas, todos los días; gratuita, en muchos idiomas',
    '24 hours, every day; free': '24 horas, todos los días; gratuita',
    'Text START to 88788': 'Envía START por SMS al 88788',
    '17 (police) or 112': '17 (policía) o 112',
    '112 or 999': '112 o 999',
  },
}
