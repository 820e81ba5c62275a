/**
 * The bottom layer: the vendor-neutral model (records such as {@code Desktop},
 * {@code UsageTotal}, {@code DateRange} and {@code GlobalId}) and the connector contract
 * every vendor implements ({@code UsageConnector}, {@code Slice}, the typed vendor
 * exceptions and their classification). It depends on no other DeskGraph package.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.usage;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
