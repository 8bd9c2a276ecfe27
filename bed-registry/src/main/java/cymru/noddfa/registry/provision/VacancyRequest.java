package cymru.noddfa.registry.provision;

/** The counts a provider states for one bed type. */
record VacancyRequest(Integer total, Integer available) {

	int validTotal() {
		if (this.total == null) {
			throw new InvalidValue("total", "required");
		}
		return this.total;
	}

	int validAvailable() {
		if (this.available == null) {
			throw new InvalidValue("available", "required");
		}
		return this.available;
	}

}
