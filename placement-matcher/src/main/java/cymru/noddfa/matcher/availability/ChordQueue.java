package cymru.noddfa.matcher.availability;

import java.util.Arrays;

/**
 * Slots waiting in a walk, nearest first by chord squared: a binary heap in two primitive
 * arrays: a national walk queues some hundreds of members and hands out half of them.
 */
final class ChordQueue {

	private double[] chords = new double[64];

	private int[] slots = new int[64];

	private int size;

	boolean isEmpty() {
		return this.size == 0;
	}

	double nearestChord() {
		return this.chords[0];
	}

	void add(double chord, int slot) {
		if (this.size == this.chords.length) {
			this.chords = Arrays.copyOf(this.chords, this.size * 2);
			this.slots = Arrays.copyOf(this.slots, this.size * 2);
		}
		int at = this.size++;
		while (at > 0) {
			int parent = (at - 1) >>> 1;
			if (this.chords[parent] <= chord) {
				break;
			}
			this.chords[at] = this.chords[parent];
			this.slots[at] = this.slots[parent];
			at = parent;
		}
		this.chords[at] = chord;
		this.slots[at] = slot;
	}

	/** Removes the nearest and gives its slot. */
	int poll() {
		int nearest = this.slots[0];
		int last = --this.size;
		double chord = this.chords[last];
		int slot = this.slots[last];
		int at = 0;
		int half = last >>> 1;
		while (at < half) {
			int child = 2 * at + 1;
			if (child + 1 < last && this.chords[child + 1] < this.chords[child]) {
				child++;
			}
			if (chord <= this.chords[child]) {
				break;
			}
			this.chords[at] = this.chords[child];
			this.slots[at] = this.slots[child];
			at = child;
		}
		this.chords[at] = chord;
		this.slots[at] = slot;
		return nearest;
	}

}
