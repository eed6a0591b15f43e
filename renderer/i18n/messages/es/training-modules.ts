/**
 * Español (preview): the training modules, translated whole from core/model/data/training.json.
 * `from` is the fingerprint of the English each was made from (renderer/i18n/core-content.ts):
 * when core's English changes, the screen shows the English until this translation is redone.
 */
import type { Modules } from '../../content-types.ts'

export const trainingModulesEs: Modules = {
  'abuse-dynamics': {
    from: '6f4a3b0c',
    title: 'Cómo funciona la violencia en la pareja',
    summary: 'Los patrones que hay detrás de la violencia, las formas que toma y por qué irse casi nunca es sencillo.',
    sections: [
      { heading: 'Un patrón de control', text: 'La violencia en la pareja es un patrón, no un mal día aislado. Una persona se esfuerza por conseguir y mantener poder sobre la otra. Cada episodio puede parecer pequeño por sí solo; juntos dan forma a una vida. Muchas personas supervivientes solo ven el patrón cuando lo ponen por escrito o cuando oyen a otra persona describir lo mismo.' },
      { heading: 'Las formas que toma', text: 'La violencia puede ser física o sexual. También puede ser emocional (insultos, culpa, hacer que alguien dude de su propia memoria), económica (controlar el dinero, el trabajo o las deudas), digital (revisar el teléfono, rastrear la ubicación, leer mensajes), social (aislar a alguien de sus amistades y su familia), y puede usar como palanca a las hijas e hijos, las mascotas, la situación migratoria o la fe. Normalmente se dan varias formas a la vez. Ninguna necesita moratones para ser real.' },
      { heading: 'Por qué irse es difícil', text: 'El peligro suele aumentar cuando alguien intenta irse. Las personas se quedan por seguridad, por sus hijas e hijos, por dinero, por la vivienda, por amor, esperanza, miedo, vergüenza o presión de otras personas. La pregunta nunca es «¿por qué no se va?», sino «¿qué le daría más seguridad, y qué quiere?». La persona superviviente es quien más sabe de su propia situación.' },
    ],
    questions: [
      '¿Qué formas de violencia de este módulo no considerabas violencia antes?',
      '¿Cómo podría alguien del grupo oír «¿por qué no te fuiste sin más?», aunque nadie lo diga en voz alta?',
      '¿Qué le dirías a alguien que dice «no fue para tanto, solo eran palabras»?',
    ],
  },
  'active-listening': {
    from: 'dd7c118f',
    title: 'Escuchar bien',
    summary: 'Dar a alguien toda tu atención y mostrarle que se le ha escuchado.',
    sections: [
      { heading: 'Primero, la atención', text: 'Escuchar bien empieza por no tener prisa. Deja que haya silencios. Resiste la tentación de preparar tu respuesta mientras la otra persona aún habla. En un grupo escrito, lee la publicación entera antes de responder, y vuelve a leerla.' },
      { heading: 'Reflejar, no arreglar', text: 'Devuelve lo que has oído, con tus propias palabras: «Parece que te sentiste atrapada cuando se llevó las llaves del coche». Nombra los sentimientos con suavidad y deja que la persona te corrija. La mayoría de la gente quiere sentirse comprendida antes que recibir consejos, y muchas personas ya han recibido muchos.' },
      { heading: 'Preguntas que abren', text: 'Las preguntas abiertas («¿Cómo fue eso para ti?», «¿Qué te ayudaría ahora mismo?») dejan espacio. Las preguntas que empiezan por «por qué» pueden sonar a reproche. Pregunta antes de ofrecer ideas: «¿Te ayudaría saber qué me funcionó a mí?»' },
    ],
    questions: [
      'Piensa en una vez en que te sentiste escuchada o escuchado de verdad. ¿Qué hizo la otra persona?',
      'Reescribe esta respuesta para que refleje en lugar de arreglar: «Deberías llamar a la policía».',
      '¿Cuándo te cuesta más callar y seguir escuchando?',
    ],
  },
  'trauma-informed': {
    from: '399b7103',
    title: 'Respuestas informadas sobre el trauma',
    summary: 'Seguridad, elección y confianza: cómo puede mostrarse el trauma y cómo responder sin añadir daño.',
    sections: [
      { heading: 'Cómo puede mostrarse el trauma', text: 'El trauma puede mostrarse como sobresaltos, entumecimiento, dificultad para concentrarse, rabia, lágrimas, o parecer estar bien y de pronto dejar de estarlo. Son respuestas comprensibles ante el peligro, no defectos de carácter. Alguien puede quedarse en silencio, irse de una reunión, o publicar algo y luego borrarlo.' },
      { heading: 'Seguridad, elección, control', text: 'La violencia quita la capacidad de elegir; el apoyo la devuelve. Ofrece opciones en lugar de instrucciones. Deja que cada persona decida qué compartir y cuándo. Usa avisos de contenido para detalles que puedan ser duros de leer. Nunca insistas en conocer detalles de lo que pasó; la historia pertenece a quien la vivió.' },
      { heading: 'Cuando alguien se ve desbordado', text: 'Ve más despacio. Usa pocas palabras, con calma. Propón anclarse en el presente si lo desea: los pies en el suelo, nombrar cosas que se ven, una respiración lenta. Pregunta qué necesita. Si alguien puede estar en peligro inmediato, anímale a contactar con los servicios de emergencia o con una línea de ayuda; Hearth no es un servicio de crisis.' },
    ],
    questions: [
      '¿Qué reacciones tuyas podría despertar una respuesta traumática, y cómo te darías cuenta?',
      '¿Cómo podrías ofrecer una elección en un momento en que te apetece dar un consejo?',
      '¿Qué contenido de tu grupo debería llevar un aviso?',
    ],
  },
  'self-care': {
    from: 'd8f43f03',
    title: 'Autocuidado y desgaste',
    summary: 'Apoyar a otras personas es un trabajo. Reconocer tus límites te mantiene bien a ti y al grupo.',
    sections: [
      { heading: 'Señales a las que prestar atención', text: 'Oír hablar de violencia puede remover tus propios recuerdos. Presta atención a si duermes mal, temes el momento del grupo, te sientes entumecida o entumecido o irritable, piensas en las historias de otras personas cuando quieres descansar, o sientes que todo depende de ti. Son señales para hacer una pausa, no fracasos.' },
      { heading: 'Los límites son cuidado', text: 'Solo puedes apoyar a otras personas desde un lugar en el que tú misma o tú mismo estés lo bastante a salvo. Está bien tomarse un tiempo, responder mañana en lugar de ahora y pasar algo a otra persona facilitadora. En Hearth, «tomarse un tiempo» avisa al grupo con cuidado de que estás descansando.' },
      { heading: 'Tu propio apoyo', text: 'Ten personas y lugares para ti: una amistad, una psicóloga o un psicólogo, un paseo, descanso. Las personas facilitadoras pueden usar su espacio compartido para contar lo que les pesa a otras personas facilitadoras, sin nombrar datos privados de los miembros.' },
    ],
    questions: [
      '¿Cuáles son tus primeras señales de que necesitas un descanso?',
      '¿Quién te apoya, y cuándo fue la última vez que le pediste ayuda?',
      '¿Qué te haría más fácil tomarte un tiempo cuando lo necesitas?',
    ],
  },
  facilitating: {
    from: 'c4cf1b41',
    title: 'Facilitar un grupo',
    summary: 'Sostener el espacio: normas básicas, ritmo, confidencialidad y repartir la carga.',
    sections: [
      { heading: 'Sostener el espacio', text: 'Quien facilita no tiene las respuestas; mantiene el espacio lo bastante seguro para que los miembros encuentren las suyas. Abre y cierra las reuniones siempre de la misma manera, para que la gente sepa qué esperar. Recuerda al grupo las normas básicas, sobre todo la confidencialidad: lo que se comparte en el grupo, se queda en el grupo.' },
      { heading: 'Ritmo y equilibrio', text: 'Deja sitio a los miembros más callados sin ponerlos en un aprieto. Detén con suavidad a quien lleva mucho rato hablando. Si una historia se vuelve muy detallada, pregunta al grupo y a quien habla cómo están. Termina a la hora y deja un momento para volver al presente.' },
      { heading: 'La seguridad primero', text: 'Si alguien puede estar en peligro, habla con esa persona en privado y comparte la información de las líneas de ayuda. Nunca compartas los datos ni la ubicación de un miembro con nadie de fuera del grupo. Si sospechas que un agresor se ha unido al grupo, habla con las demás personas facilitadoras antes de actuar, y sigue los pasos que el grupo haya acordado.' },
    ],
    questions: [
      '¿Cómo abrirías y cerrarías una reunión de tu grupo?',
      '¿Qué harías si un miembro empezara a describir detalles explícitos sin avisar?',
      '¿Cómo se reparten la carga las personas facilitadoras de tu grupo?',
    ],
  },
  'resolving-conflict': {
    from: '8872d529',
    title: 'Resolver conflictos',
    summary: 'Los desacuerdos ocurren. Tratarlos con calma y de forma justa mantiene seguro al grupo.',
    sections: [
      { heading: 'El conflicto es normal', text: 'Quienes han sufrido daño pueden ser sensibles al tono, al control o a que se les quite importancia, y es comprensible. El conflicto no es un fracaso del grupo. Lo que importa es gestionarlo sin que nadie sea avergonzado, silenciado ni atacado por varias personas a la vez.' },
      { heading: 'Con calma y en privado primero', text: 'Baja el ritmo. Saca un intercambio acalorado del espacio compartido y habla con cada persona en privado. Escucha a cada parte antes de decidir nada. Describe el comportamiento, no a la persona: «Esa respuesta nombraba el pueblo de alguien», no «Eres una persona descuidada».' },
      { heading: 'Justo y registrado', text: 'Usa las normas básicas como referencia común, para que no sea la opinión de una persona contra la de otra. Decide junto con otras personas facilitadoras siempre que puedas. Explica con claridad qué se decidió y por qué, sin compartir datos privados. Después, pregunta cómo están todas las personas implicadas.' },
    ],
    questions: [
      '¿Cómo sueles reaccionar cuando alguien se enfada contigo?',
      '¿Qué le dirías en privado a un miembro cuyas palabras hirieron a otro?',
      '¿Qué norma básica de tu grupo ayudaría más en un conflicto, y por qué?',
    ],
  },
}
