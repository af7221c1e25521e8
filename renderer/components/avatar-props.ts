import type { ModelProfile } from '../../common/avatar';

/** What each part of the Avatar region drives: one agent's model alias, described by the operator's files. */
export interface AvatarPartProps {
  agentId: number | null;
  alias: string;
  profile: ModelProfile;
}
