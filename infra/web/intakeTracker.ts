/** Where a bundle uploaded through the console stands while the intake reads and checks it. */
export interface IntakeProgress {
  bundleId: string;
  unitId: string;
  fileName: string;
  uploadedAt: string;
  /** waiting: queued behind another write; reading: files being read; done: report stored; failed: see failure. */
  state: 'waiting' | 'reading' | 'done' | 'failed';
  filesRead: number;
  files?: number;
  /** Why the check could not finish, in words for the unit. */
  failure?: string;
}

/**
 * The uploads this console process is checking (the intake runs after the upload has been answered, so a 100 MB
 * bundle never holds a request open). Kept in memory: after a restart the bundle's stored report or record answers.
 */
export class IntakeTracker {
  private readonly uploads = new Map<string, IntakeProgress>();

  start(progress: Omit<IntakeProgress, 'state' | 'filesRead'>): IntakeProgress {
    const entry: IntakeProgress = { ...progress, state: 'waiting', filesRead: 0 };
    this.uploads.set(progress.bundleId, entry);
    return entry;
  }

  update(bundleId: string, change: Partial<Omit<IntakeProgress, 'bundleId' | 'unitId'>>): void {
    const entry = this.uploads.get(bundleId);
    if (entry) this.uploads.set(bundleId, { ...entry, ...change });
  }

  get(bundleId: string): IntakeProgress | undefined {
    return this.uploads.get(bundleId);
  }

  ofUnit(unitId: string): IntakeProgress[] {
    return [...this.uploads.values()].filter((u) => u.unitId === unitId);
  }
}
