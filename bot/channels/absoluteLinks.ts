import type { Activity, CardAction } from 'botbuilder';

interface AdaptiveAction {
  type?: string;
  url?: string;
}

/**
 * The same activity with links that start with "/" made absolute on `origin`. Web Chat refuses to
 * open a relative link ("Cannot open URL with disallowed schemes"), so links to this server (the
 * calendar file) must carry the origin the page reached us on. Absolute links are left alone.
 */
export function withAbsoluteLinks(activity: Partial<Activity>, origin: string): Partial<Activity> {
  if (!activity.attachments?.length) return activity;
  const absolute = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? new URL(url, origin).href : url);
  return {
    ...activity,
    attachments: activity.attachments.map((attachment) => {
      const content = attachment.content as { actions?: AdaptiveAction[]; buttons?: CardAction[] } | undefined;
      if (!content || (!content.actions && !content.buttons)) return attachment;
      return {
        ...attachment,
        content: {
          ...content,
          ...(content.actions && {
            actions: content.actions.map((action) =>
              action.type === 'Action.OpenUrl' && typeof action.url === 'string' ? { ...action, url: absolute(action.url) } : action,
            ),
          }),
          ...(content.buttons && {
            buttons: content.buttons.map((button) =>
              button.type === 'openUrl' && typeof button.value === 'string' ? { ...button, value: absolute(button.value) } : button,
            ),
          }),
        },
      };
    }),
  };
}
