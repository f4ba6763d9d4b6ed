'use client';

import { useState } from 'react';
import { Card } from '@/components/ui/card';
import type { EvidencePackBuildView } from '@/lib/server/evidence/builds/evidence-pack-build-view';
import { BuildPackForm } from './build-pack-form';
import { PackBuildList } from './pack-build-list';

/** The build form and the list it feeds: a queued build starts the list polling at once. */
export function EvidenceBuilds(props: {
  initial: EvidencePackBuildView[];
  canBuild: boolean;
  tools: { id: string; name: string }[];
  toolsTruncated: boolean;
  today: string;
  engagementId?: string;
}) {
  const [queued, setQueued] = useState<string | undefined>();
  return (
    <>
      {props.canBuild && (
        <Card title="Build a pack">
          <BuildPackForm
            tools={props.tools}
            toolsTruncated={props.toolsTruncated}
            today={props.today}
            engagementId={props.engagementId}
            onQueued={setQueued}
          />
        </Card>
      )}
      <Card title="Packs">
        <PackBuildList initial={props.initial} canBuild={props.canBuild} refreshKey={queued} />
      </Card>
    </>
  );
}
