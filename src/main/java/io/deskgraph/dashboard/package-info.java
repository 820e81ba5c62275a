/**
 * The dashboard page at {@code /}: static files under {@code static/} (the page, its
 * script and styles, the shipped operations it runs) and what serving them needs.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.dashboard;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
