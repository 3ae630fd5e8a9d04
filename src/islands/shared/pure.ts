import { Component, h, type ComponentChildren, type ComponentType, type FunctionComponent } from 'preact';

/**
 * The component, re-rendered only when a prop changes (by identity, or by `same` if given): what
 * preact/compat's `memo` does, without loading compat. A form with dozens of fields then renders
 * one field per keystroke, and none when the rest of the page changes.
 */
export function pure<Props extends object>(
  render: FunctionComponent<Props>,
  same: (previous: Props, next: Props) => boolean = shallowEqual,
): ComponentType<Props> {
  class Pure extends Component<Props> {
    override shouldComponentUpdate(next: Props): boolean {
      return !same(this.props, next);
    }

    override render(props: Props): ComponentChildren {
      return h(render, props);
    }
  }
  return Pure;
}

function shallowEqual<Props extends object>(previous: Props, next: Props): boolean {
  const keys = Object.keys(next) as (keyof Props)[];
  return keys.length === Object.keys(previous).length && keys.every((key) => previous[key] === next[key]);
}
