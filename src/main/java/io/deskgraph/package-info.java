/**
 * DeskGraph: one GraphQL API over cloud-desktop usage statistics.
 */
@NonNullApi
@NonNullFields
package io.deskgraph;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
