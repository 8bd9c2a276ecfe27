package cymru.noddfa.edge;

import tools.jackson.core.JacksonException;

/**
 * The field a client got wrong, as a problem's {@code field} names it:
 * {@code vacancies[0].bedType} from Jackson's path to the offending value, or
 * {@code body} when Jackson knows no path.
 */
public final class FieldPath {

	private FieldPath() {
	}

	public static String of(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

}
