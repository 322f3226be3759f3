/** The course pages in reading order: the sidebar, prev/next links and the docs tests follow it. */
export const COURSE_PAGES = ['pods', 'multi-container-pods', 'lifecycle', 'probes'] as const;
