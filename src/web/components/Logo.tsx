import { forwardRef, type SVGProps } from 'react';
import type { LogoBrandConfig } from '@amsterdam/design-system-react';

/**
 * Thuisroute's own emblem (a house on a route). The City of Amsterdam's logo and the
 * Amsterdam Sans typeface are reserved for the City, so the app uses neither.
 */
const ThuisrouteEmblem = forwardRef<SVGSVGElement, SVGProps<SVGSVGElement>>(function ThuisrouteEmblem(props, ref) {
  return (
    <svg ref={ref} role="img" viewBox="0 0 40 40" xmlns="http://www.w3.org/2000/svg" {...props}>
      <rect width="40" height="40" rx="6" fill="#004699" />
      <path d="M20 7 6 19h4v14h8v-9h4v9h8V19h4z" fill="#ffffff" />
    </svg>
  );
});

export function thuisrouteLogo(label: string): LogoBrandConfig {
  return { label, svg: ThuisrouteEmblem as LogoBrandConfig['svg'] };
}
