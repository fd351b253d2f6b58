import { nextTemplateStatuses } from './template-status';

describe('template statuses', () => {
  it('pauses or ends an active template, resumes or ends a paused one, and never reopens an ended one', () => {
    expect(nextTemplateStatuses('active')).toEqual(['paused', 'ended']);
    expect(nextTemplateStatuses('paused')).toEqual(['active', 'ended']);
    expect(nextTemplateStatuses('ended')).toEqual([]);
  });
});
