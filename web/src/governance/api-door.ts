import { useMe } from "../access/session-api";

/**
 * Which door of the API a body's work is read through: signed in, the one
 * that shows what the reader may see; otherwise the public one (what is
 * adopted or marked public). `ready` once it is known whether anyone is
 * signed in, so a page does not ask twice.
 */
export function useApiDoor() {
  const me = useMe();
  const signedIn = Boolean(me.data);
  return { prefix: signedIn ? "/api/" : "/api/public/", signedIn, ready: !me.isPending };
}
