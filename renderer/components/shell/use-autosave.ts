import { useEffect } from 'react';
import { useGraphStore, useSessionStore, useStudio } from '../../stores/context';
import { isDirty } from '../../stores/graph-store';

/** project-format.md §4: while unsaved, send a recovery snapshot every interval and when the window loses focus. */
export function useAutosave() {
  const { project } = useStudio();
  const interval = useSessionStore((s) => s.settings.autosaveIntervalSec);
  const dirty = useGraphStore(isDirty);
  useEffect(() => {
    if (!dirty || interval === 0) return;
    const timer = setInterval(() => void project.autosave(), interval * 1000);
    const onBlur = () => void project.autosave();
    window.addEventListener('blur', onBlur);
    return () => {
      clearInterval(timer);
      window.removeEventListener('blur', onBlur);
    };
  }, [project, interval, dirty]);
}
