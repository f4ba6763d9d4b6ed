import type { QueryIssue } from '@/lib/validation/search-params';
import { VENDOR_REVIEW_STATUSES, ZVendorReviewQuery } from '@/lib/validation/vendors';
import {
  VENDOR_CONCLUSION_LABELS,
  VENDOR_CONCLUSIONS,
  VENDOR_RATING_LABELS,
  VENDOR_RATINGS,
  VENDOR_REVIEW_STATUS_LABELS,
} from '@/lib/domain/vendors/review';
import { ListFilters } from '@/components/list/list-filters';
import { SearchFilter, SelectFilter, optionsOf } from '@/components/list/filters';

/** What the publisher and registry review lists share: who may read them and the query they parse. */
export const VENDOR_REVIEW_LIST = { permission: 'risk:read', schema: ZVendorReviewQuery } as const;

type Field = (name: 'q' | 'status' | 'rating' | 'conclusion') => {
  name: string;
  value: string | undefined;
  error: string | undefined;
};

/** The filters publisher and registry reviews share: search, review status, rating, conclusion. */
export function VendorReviewFilters({
  query,
  issues,
  path,
  label,
  searchLabel,
  f,
  children,
}: {
  query: { hide?: readonly string[] } & object;
  issues: QueryIssue[];
  path: string;
  label: string;
  searchLabel: string;
  f: Field;
  children?: React.ReactNode;
}) {
  return (
    <ListFilters query={query} issues={issues} typed={['q']} path={path} label={label}>
      <SearchFilter {...f('q')} label={searchLabel} />
      <SelectFilter {...f('status')} label="Review" options={optionsOf(VENDOR_REVIEW_STATUSES, VENDOR_REVIEW_STATUS_LABELS)} />
      <SelectFilter {...f('rating')} label="Rating" options={optionsOf(VENDOR_RATINGS, VENDOR_RATING_LABELS)} />
      <SelectFilter {...f('conclusion')} label="Conclusion" options={optionsOf(VENDOR_CONCLUSIONS, VENDOR_CONCLUSION_LABELS)} />
      {children}
    </ListFilters>
  );
}
