package cymru.noddfa.notifications.delivery;

enum DeliveryStatus {

	/** Waiting for its next attempt. */
	PENDING,
	/** The receiver took it. */
	DELIVERED,
	/** Every attempt failed; an operator or the next channel must act. */
	DEAD,
	/** Its subscription was removed before it could be delivered. */
	CANCELLED

}
