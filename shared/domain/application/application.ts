import { createHash } from 'node:crypto';
import { z } from 'zod';
import { toHalfWidth } from '../validation/halfWidth.js';
import { Organisation } from './organisation.js';
import { Person } from './person.js';
import { StandardProject } from './standardProject.js';

const common = {
  /** The recommending unit (推荐单位) that sent the bundle. */
  recommendingUnit: z.string().optional(),
  /** Campaign year, e.g. "2025". */
  campaign: z.string().optional(),
};

export const QmOrgApplication = z.object({ track: z.literal('QM_ORG'), organisation: Organisation, ...common });
export const QmIndApplication = z.object({ track: z.literal('QM_IND'), person: Person, ...common });
export const SiApplication = z.object({ track: z.literal('SI'), project: StandardProject, ...common });

/** The typed data of one application, as the form-field extractor produces it and the rules consume it. */
export const Application = z.discriminatedUnion('track', [QmOrgApplication, QmIndApplication, SiApplication]);
export type Application = z.infer<typeof Application>;
export type ApplicationInput = z.input<typeof Application>;
export type QmOrgApplication = z.infer<typeof QmOrgApplication>;
export type QmIndApplication = z.infer<typeof QmIndApplication>;
export type SiApplication = z.infer<typeof SiApplication>;

/** Organisation name, person name, or (SI) the standard's name; undefined when the form gave none. */
export function applicantName(app: Application): string | undefined {
  switch (app.track) {
    case 'QM_ORG':
      return app.organisation.name?.trim() || undefined;
    case 'QM_IND':
      return app.person.name?.trim() || undefined;
    case 'SI':
      return app.project.standardName?.trim() || app.project.applicant.name?.trim() || undefined;
  }
}

function keyPart(text: string | undefined): string | undefined {
  const t = text === undefined ? '' : toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
  return t === '' ? undefined : t;
}

/**
 * A stable identity of the application inside a campaign, so a re-uploaded bundle maps to the same application:
 * QM_ORG by credit code (else name); QM_IND by a SHA-256 digest of the ID number (never the number itself), else
 * name + employer; SI by standard number + applicant credit code (else name). Undefined when the data identify
 * nothing: the caller must then fall back to the bundle path.
 */
export function applicationKey(app: Application): string | undefined {
  switch (app.track) {
    case 'QM_ORG': {
      const id = keyPart(app.organisation.creditCode) ?? keyPart(app.organisation.name);
      return id && `QM_ORG#${id}`;
    }
    case 'QM_IND': {
      const idNumber = keyPart(app.person.idNumber);
      if (idNumber) return `QM_IND#ID:${createHash('sha256').update(idNumber).digest('hex').slice(0, 32)}`;
      const name = keyPart(app.person.name);
      const employer = keyPart(app.person.employerCreditCode) ?? keyPart(app.person.employer);
      return name && `QM_IND#${name}@${employer ?? ''}`;
    }
    case 'SI': {
      const standard = keyPart(app.project.standardNumber)?.replace(/[—–－]/g, '-');
      const applicant = keyPart(app.project.applicant.creditCode) ?? keyPart(app.project.applicant.name);
      return standard && `SI#${standard}#${applicant ?? ''}`;
    }
  }
}
