/**
 * Embedded vendor simulators: the demo-mode switch, their properties and the HTTP server,
 * fault, statistics and quota machinery every vendor simulator shares.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.simulator;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
