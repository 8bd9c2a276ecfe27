package cymru.noddfa.registry.provision;

import java.util.List;

/** One page of provisions, ordered by id; {@code page} counts from 0. */
record ProvisionPage(List<ProvisionState> items, int page, int size, long totalItems, int totalPages) {
}
