/**
 * Huawei Cloud Workspace simulator: a local stand-in for the Workspace statistics API
 * that the official Huawei SDK can call unchanged, over a deterministic synthetic estate.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.simulator.huawei;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
