/**
 * Topic and reaction names come from core in English (core/model/vocabulary.ts). The default ones
 * are shown in the reader's language; a topic a group renamed or added is the group's own words
 * and shows as written.
 */
import type { Labelled } from '../../core/api.ts'
import { t, type MessageKey } from './locale.svelte.ts'

const TOPICS: Record<string, { key: MessageKey; english: string }> = {
  'check-in': { key: 'topic.check-in', english: 'Check-in' },
  story: { key: 'topic.story', english: 'Story' },
  question: { key: 'topic.question', english: 'Question' },
  advice: { key: 'topic.advice', english: 'Advice & resources' },
  celebration: { key: 'topic.celebration', english: 'Celebration' },
}

const REACTIONS: Record<string, MessageKey> = {
  believe: 'reaction.believe',
  'not-alone': 'reaction.not-alone',
  strength: 'reaction.strength',
  thanks: 'reaction.thanks',
}

export function topicName(topic: Labelled): string {
  const known = TOPICS[topic.id]
  return known && known.english === topic.label ? t(known.key) : topic.label
}

export function reactionName(kind: Labelled): string {
  const key = REACTIONS[kind.id]
  return key ? t(key) : kind.label
}
