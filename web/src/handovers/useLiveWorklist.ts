import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { subscribeHandoverEvents } from "./handover-events";

/**
 * Keeps the worklist live: the server pushes `changed` whenever the acting
 * organisation's handovers or citizens in hospital change (in any server
 * process), and the list is fetched again. EventSource reconnects by itself;
 * while it is down, the page's slow polling still refreshes the list.
 */
export function useLiveWorklist(membershipId: string | null): boolean {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!membershipId) return;
    return subscribeHandoverEvents(membershipId, {
      changed: () => void client.invalidateQueries({ queryKey: ["worklist"] }),
      live: setLive,
    });
  }, [client, membershipId]);
  return live;
}
