package io.deskgraph.simulator;

import org.springframework.lang.Nullable;

/**
 * The vendor side of a simulator: routes requests to vendor operations and answers them
 * in the vendor's own formats, while {@link SimulatorServer} supplies transport, faults
 * and the control endpoints.
 *
 * @author DeskGraph
 */
public interface SimulatorApi {

	/**
	 * Names the vendor operation a request addresses.
	 * @param request the request
	 * @return the operation name as counted in the statistics, or {@code null} if the
	 * request matches no operation (it is then still passed to {@link #handle} to answer
	 * the vendor's not-found error, but it is neither counted nor subject to faults)
	 */
	@Nullable
	String operation(SimulatorRequest request);

	/**
	 * Answers a request; never throws.
	 * @param request the request
	 * @param operation the operation from {@link #operation}, or {@code null}
	 * @return the answer
	 */
	SimulatorResponse handle(SimulatorRequest request, @Nullable String operation);

	/**
	 * Answers with the vendor's internal server error, for an injected fault.
	 * @param request the request
	 * @param operation the operation
	 * @return the answer
	 */
	SimulatorResponse serverError(SimulatorRequest request, String operation);

	/**
	 * Answers with the vendor's throttling error, for an injected fault.
	 * @param request the request
	 * @param operation the operation
	 * @return the answer
	 */
	SimulatorResponse throttled(SimulatorRequest request, String operation);

	/**
	 * Adds the vendor's request-id header to an answer of the control endpoints.
	 * @param response the answer
	 * @return the answer with the header
	 */
	SimulatorResponse withRequestId(SimulatorResponse response);

	/** Forgets vendor-side state created by calls (for example export tasks). */
	void reset();

}
