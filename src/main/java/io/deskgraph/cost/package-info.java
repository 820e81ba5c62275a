/**
 * Cost advice: the price catalogue ({@code deskgraph.pricing}), the billing rule that
 * turns a desktop's billing, spec and usage into a recommendation with its monthly cost
 * and saving, and the per-currency sums of a cost summary. Vendor-neutral: it reads the
 * model's desktops and usage totals and never a vendor payload.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.cost;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
