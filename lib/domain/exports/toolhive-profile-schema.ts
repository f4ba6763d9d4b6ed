import { z } from 'zod';

// Modelled on ToolHive's Go struct permissions.Profile (stacklok/toolhive-core permissions/profile.go):
//   Profile{ name, read []MountDeclaration, write []MountDeclaration, network *NetworkPermissions, privileged }
//   NetworkPermissions{ mode, outbound *OutboundNetworkPermissions, inbound *InboundNetworkPermissions }
//   OutboundNetworkPermissions{ insecure_allow_all, allow_host []string, allow_port []int }
//   InboundNetworkPermissions{ allow_host []string }
// Go's encoding/json silently ignores unknown keys, so a wrapper object ({ environment, profiles:[…] })
// loads as an EMPTY profile with no network section, and the egress proxy then allows everything.
// These schemas are strict: an unknown key anywhere is an error, never ignored.

const port = z.number().int().min(1).max(65535);

export const ZToolHiveOutbound = z.strictObject({
  insecure_allow_all: z.boolean().optional(),
  allow_host: z.array(z.string().min(1)).optional(),
  allow_port: z.array(port).optional(),
});

export const ZToolHiveNetwork = z.strictObject({
  mode: z.enum(['', 'bridge', 'default', 'host', 'none']).optional(),
  outbound: ZToolHiveOutbound.optional(),
  inbound: z.strictObject({ allow_host: z.array(z.string().min(1)).optional() }).optional(),
});

/** What ToolHive's loader accepts (keys exactly as its struct), strict about unknown keys. */
export const ZToolHiveProfile = z.strictObject({
  name: z.string().optional(),
  read: z.array(z.string().min(1)).optional(),
  write: z.array(z.string().min(1)).optional(),
  network: ZToolHiveNetwork.optional(),
  privileged: z.boolean().optional(),
});

/**
 * What ToolLedger exports: the same struct, every restriction spelled out. A network section is
 * always present with an explicit outbound decision (deny-all is insecure_allow_all false with
 * no host and no port), so no loader default can ever widen it.
 */
export const ZExportedToolHiveProfile = z.strictObject({
  name: z.string().min(1),
  read: z.array(z.string().min(1)),
  write: z.array(z.string().min(1)),
  privileged: z.literal(false),
  network: z.strictObject({
    outbound: z
      .strictObject({ insecure_allow_all: z.boolean(), allow_host: z.array(z.string().min(1)), allow_port: z.array(port) })
      // Squid ANDs the port and host ACLs: ports without hosts would open those ports on EVERY host.
      .refine((o) => o.insecure_allow_all || o.allow_port.length === 0 || o.allow_host.length > 0, {
        message: 'allow_port without allow_host opens those ports to every host',
      }),
  }),
});

export type TToolHiveProfile = z.infer<typeof ZToolHiveProfile>;
export type TExportedToolHiveProfile = z.infer<typeof ZExportedToolHiveProfile>;
