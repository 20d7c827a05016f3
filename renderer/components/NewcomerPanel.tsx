import { useState } from 'react';
import { useOp } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { emptyMember, MemberForm } from './MemberForm.tsx';

/**
 * On the record screen: the person who turned up (a new headteacher, a visiting official)
 * joins the CoP here, without leaving the screen; the record being typed is not touched.
 */
export function NewcomerPanel({
  clusterId,
  clusterName,
  members,
  onAdded,
}: {
  clusterId: string;
  clusterName: string;
  members: { name: string }[];
  onAdded: (memberId: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const cluster = useOp('clusters.get', open ? { id: clusterId } : null);
  const schools = (cluster.data?.schools ?? []).filter((s) => !s.closedOn);
  return (
    <div className="newcomer" data-testid="newcomer">
      {added && (
        <p className="ok-note small" role="status">
          {t('newcomer.added', { name: added })}
        </p>
      )}
      {open ? (
        <MemberForm
          clusterId={clusterId}
          initial={emptyMember}
          title={`${t('newcomer.title')} (${clusterName})`}
          schools={schools}
          otherNames={members.map((m) => m.name)}
          onSaved={(m) => {
            setOpen(false);
            setAdded(m.name);
            onAdded(m.id);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => setOpen(true)}
          aria-describedby="newcomer-hint"
        >
          {t('newcomer.open')}
        </button>
      )}
      {!open && (
        <p className="muted small" id="newcomer-hint">
          {t('newcomer.hint')}
        </p>
      )}
    </div>
  );
}
