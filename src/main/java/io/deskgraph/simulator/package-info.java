/**
 * Embedded vendor simulators: the demo-mode switch, their properties, and what every
 * vendor simulator shares: the HTTP server, fault, statistics and quota machinery, and
 * the seeded calendar and desktop index of the synthetic estates.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.simulator;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
