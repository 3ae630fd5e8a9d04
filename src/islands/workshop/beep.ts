/**
 * A short beep made with the Web Audio API: an oscillator, no audio file, nothing fetched.
 * Browsers only start audio after a click or key press, so the context is created (or
 * resumed) on one: turning the sound on, or pressing Start.
 */
export class Beeper {
  private context: AudioContext | null = null;

  /** Creates or resumes the audio context; call from a click or key press. */
  unlock(): AudioContext | null {
    try {
      this.context ??= new AudioContext();
      if (this.context.state === 'suspended') void this.context.resume();
      return this.context;
    } catch {
      // No Web Audio (or it is blocked): the timer works silently.
      return null;
    }
  }

  /** `count` short tones at 880 Hz, each a quarter of a second long. */
  beep(count = 1): void {
    const context = this.unlock();
    if (!context) return;
    const start = context.currentTime + 0.02;
    for (let index = 0; index < count; index += 1) {
      const at = start + index * 0.35;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.27);
    }
  }
}
