/**
 * Alibaba Cloud ECD simulator: a local stand-in for the ECD usage-ranking and desktop
 * inventory RPC API that the official Alibaba clients can call unchanged, over a
 * deterministic synthetic estate.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.simulator.alibaba;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
