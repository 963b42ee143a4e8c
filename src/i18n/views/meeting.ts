/** UI strings of the meeting view, merged into the one dictionary by ../messages.ts. */
export const MEETING_ZH = {
  'meeting.title': '政银企对接会',
} as const;

export const MEETING_EN: Record<keyof typeof MEETING_ZH, string> = {
  'meeting.title': 'Government–bank–enterprise docking meeting',
};
